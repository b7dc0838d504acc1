package org.caseshare.custody;

/** The kinds of removable device the guide names: memory sticks, CDs, phones, laptops. */
public enum DeviceType {
    USB_STICK("USB memory stick"),
    ENCRYPTED_LAPTOP("Laptop"),
    CD_DVD("CD or DVD"),
    PHONE("Phone or tablet"),
    OTHER("Other device");

    private final String displayName;

    DeviceType(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
