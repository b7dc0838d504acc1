/**
 * Directory: the organisations Caseshare knows — tenants who use it and the partners they share
 * with — and, later, their verified contact points.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory")
package org.caseshare.directory;
