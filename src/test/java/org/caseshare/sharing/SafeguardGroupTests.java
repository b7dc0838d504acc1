package org.caseshare.sharing;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.caseshare.policy.Safeguard;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One tick per group of statements read together, each id still confirmed on its own; call-back numbers without labels. */
class SafeguardGroupTests {

    static Safeguard safeguard(String id) {
        return new Safeguard(id, "Text of " + id, Set.of(), List.of(), Optional.of("a test"));
    }

    @Test
    void safeguardsAreGroupedByTheirPrefixInThePolicysOrder() {
        List<SafeguardGroup> groups = SafeguardGroup.of(List.of(safeguard("recipient.purpose"), safeguard("telephone.verify-requester"),
                safeguard("recipient.further-handling"), safeguard("telephone.not-overheard"), safeguard("fax-receiving.on-hand")));
        assertThat(groups).extracting(SafeguardGroup::heading).containsExactly("What the recipient understands", "On the call", "Fax receiving");
        assertThat(groups.get(1).value()).isEqualTo("telephone.verify-requester telephone.not-overheard");
    }

    @Test
    void aTickedGroupIsEachOfItsIdsAndASingleIdIsAGroupOfOne() {
        assertThat(SafeguardGroup.ids(List.of("telephone.verify-requester telephone.not-overheard", "recipient.purpose")))
                .containsExactly("telephone.verify-requester", "telephone.not-overheard", "recipient.purpose");
        assertThat(SafeguardGroup.ids(null)).isEmpty();
    }

    @Test
    void theCallBackNumberIsStoredWithoutTheDirectorysLabel() {
        assertThat(SharingRegister.dialable("0118 496 0000 (Reception)")).isEqualTo("0118 496 0000");
        assertThat(SharingRegister.dialable("01184960000")).isEqualTo("0118 496 0000");
        assertThat(SharingRegister.dialable("the school office")).isEqualTo("the school office");
    }
}
