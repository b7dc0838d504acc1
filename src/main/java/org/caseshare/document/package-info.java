/**
 * Document: printable PDFs for carrying a share out — envelope labels for post, fax cover sheets and
 * the receiving-fax checklist, and record summaries to attach to an encrypted email — rendered with
 * PDFBox from validated value records and streamed to the caller. Text is set in embedded subsets of
 * a chain of fonts (Noto Sans and its Arabic and Indic faces, WenQuanYi Micro Hei for Chinese), so
 * every name prints as it was typed; a character no font has refuses the document, naming it. Each
 * document prints in English, Welsh, or both ({@link org.caseshare.document.DocumentLanguage}), its
 * words from {@code i18n/documents.properties} and {@code documents_cy.properties}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Document")
package org.caseshare.document;
