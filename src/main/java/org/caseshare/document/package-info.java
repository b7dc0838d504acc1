/**
 * Document: printable PDFs for carrying a share out — envelope labels for post, fax cover sheets and
 * the receiving-fax checklist, and record summaries to attach to an encrypted email — rendered with
 * PDFBox from validated value records and streamed to the caller. Text is set in the PDF standard
 * Helvetica, which every printer and viewer has; characters it cannot show are replaced, never fatal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Document")
package org.caseshare.document;
