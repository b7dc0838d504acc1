package org.caseshare.identity;

/** An account is active, or disabled (it cannot sign in and its sessions have ended). */
public enum AccountStatus { ACTIVE, DISABLED }
