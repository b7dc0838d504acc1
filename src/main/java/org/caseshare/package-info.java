/**
 * Caseshare: share personal information about an individual securely, case by case, and record every
 * decision. Each direct sub-package is one business module (see DESIGN.md and {@code docs/modules/}).
 */
package org.caseshare;
