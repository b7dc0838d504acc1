/**
 * System: what every page and endpoint shares — the page layout, home and error pages, strict
 * security headers, the RFC 9457 problem-detail fallback for the API, and the injected {@code Clock}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.caseshare.system;
