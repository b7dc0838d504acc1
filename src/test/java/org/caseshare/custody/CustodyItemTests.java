package org.caseshare.custody;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The aggregates' own rules: how each kind of item closes, once; when a device may receive information. */
class CustodyItemTests {

    static final Instant NOW = Instant.parse("2026-11-02T09:30:00Z");

    static CustodyItem item(ItemKind kind) {
        return new CustodyItem(UUID.randomUUID(), UUID.randomUUID(), kind, UUID.randomUUID(), "H", "d", "r", NOW, NOW.plusSeconds(3600),
                null, null, List.of(), ItemStatus.OUT, null, null, null, null, null, null, 0);
    }

    @Test
    void paperIsReturnedOrDisposedOfAndInformationOnADeviceOnlySecurelyDeleted() {
        assertThat(item(ItemKind.PAPER).returned(UUID.randomUUID(), "A", NOW).status()).isEqualTo(ItemStatus.RETURNED);
        assertThat(item(ItemKind.PAPER).disposed(UUID.randomUUID(), "A", NOW, "shredded").closedHow()).isEqualTo("shredded");
        assertThatThrownBy(() -> item(ItemKind.PAPER).deleted(UUID.randomUUID(), "A", NOW, "x")).isInstanceOf(CustodyRefusedException.class);
        assertThatThrownBy(() -> item(ItemKind.DEVICE).returned(UUID.randomUUID(), "A", NOW)).isInstanceOf(CustodyRefusedException.class);
        assertThat(item(ItemKind.DEVICE).deleted(UUID.randomUUID(), "A", NOW, "wiped").status()).isEqualTo(ItemStatus.DELETED);
    }

    @Test
    void aClosedItemIsNeitherClosedAgainNorOverdue() {
        CustodyItem returned = item(ItemKind.PAPER).returned(UUID.randomUUID(), "A", NOW);
        assertThat(returned.overdue(NOW.plusSeconds(86_400))).isFalse();
        assertThat(item(ItemKind.PAPER).overdue(NOW.plusSeconds(3601))).isTrue();
        assertThatThrownBy(() -> returned.disposed(UUID.randomUUID(), "A", NOW, "x")).isInstanceOf(CustodyRefusedException.class);
    }

    @Test
    void aDeviceReceivesInformationOnlyWhenVerifiedAndNotWithdrawn() {
        Device device = new Device(UUID.randomUUID(), UUID.randomUUID(), DeviceType.USB_STICK, "IT-1", null, UUID.randomUUID(), NOW,
                null, null, null, null, null, null, null, 0);
        assertThat(device.usable()).isFalse();
        assertThat(device.whyNotUsable()).contains("encryption has not been verified");
        Device verified = device.verified(UUID.randomUUID(), "Admin", NOW, "BitLocker To Go");
        assertThat(verified.usable()).isTrue();
        Device withdrawn = verified.withdrawnBy(UUID.randomUUID(), NOW, "lost");
        assertThat(withdrawn.usable()).isFalse();
        assertThat(withdrawn.whyNotUsable()).contains("withdrawn");
        assertThatThrownBy(() -> withdrawn.verified(UUID.randomUUID(), "Admin", NOW, "x")).isInstanceOf(CustodyRefusedException.class);
    }
}
