package org.caseshare.document;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * Makes a document accessible and archivable: a structure tree in reading order with every piece of
 * text in an element and every line or box an artifact (PDF/UA-1, ISO 14289-1), the document's
 * language and title, and the identification, sRGB output intent and embedded fonts of PDF/A-2u
 * (ISO 19005-2) so a record summary or a subject access response can be kept and read for decades.
 * veraPDF checks both in {@code PdfStandardsTests}.
 *
 * <p>Each element gets its content through marked-content references, so one element (a long value)
 * may run over a page break and still read as one.
 */
final class Tagged {

    private final PDDocument document;
    private final PDStructureElement root;
    private final Map<PDPage, List<PDStructureElement>> byMcid = new HashMap<>();
    private final List<PDPage> pages = new ArrayList<>();
    private final ShapedGlyphText shapedGlyphs = new ShapedGlyphText();

    private Tagged(PDDocument document, PDStructureElement root) {
        this.document = document;
        this.root = root;
    }

    /** Sets up {@code document} as tagged, titled, in British English and identified as PDF/A-2u and PDF/UA-1. */
    static Tagged document(PDDocument document, String title) {
        return document(document, title, DocumentLanguage.ENGLISH);
    }

    /** As {@link #document(PDDocument, String)}, in {@code language}: Welsh ({@code cy}) for a Welsh or bilingual document. */
    static Tagged document(PDDocument document, String title, DocumentLanguage language) {
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        catalog.setLanguage(language.tag());
        PDMarkInfo markInfo = new PDMarkInfo();
        markInfo.setMarked(true);
        catalog.setMarkInfo(markInfo);
        PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
        preferences.setDisplayDocTitle(true);
        catalog.setViewerPreferences(preferences);
        PDDocumentInformation information = new PDDocumentInformation();
        information.setTitle(title);
        document.setDocumentInformation(information);
        identify(document, title, language.tag());
        outputIntent(document);

        PDStructureTreeRoot tree = new PDStructureTreeRoot();
        catalog.setStructureTreeRoot(tree);
        PDStructureElement root = new PDStructureElement(StandardStructureTypes.DOCUMENT, tree);
        tree.appendKid(root);
        return new Tagged(document, root);
    }

    PDStructureElement root() {
        return root;
    }

    /** A new element of {@code type} (a standard structure type) as the last child of {@code parent}. */
    PDStructureElement element(String type, PDStructureElement parent) {
        PDStructureElement element = new PDStructureElement(type, parent);
        parent.appendKid(element);
        return element;
    }

    /** The next marked-content id on {@code page}, tied to {@code element}, which it then belongs to. */
    int mark(PDPage page, PDStructureElement element) {
        List<PDStructureElement> marked = byMcid.computeIfAbsent(page, p -> {
            pages.add(p);
            return new ArrayList<>();
        });
        int mcid = marked.size();
        marked.add(element);
        PDMarkedContentReference reference = new PDMarkedContentReference();
        reference.setPage(page);
        reference.setMCID(mcid);
        element.appendKid(reference);
        return mcid;
    }

    /** Notes text drawn in {@code font}, so that glyphs shaping makes of it get their characters in the font's map. */
    void shown(PDFont font, String text) {
        shapedGlyphs.shown(font, text);
    }

    /**
     * Finishes the structure and saves the document to {@code out}. It is saved twice: the first save
     * subsets the fonts, which writes their ToUnicode maps, so the glyphs shaping made can be added.
     */
    void save(OutputStream out) throws IOException {
        finish();
        document.save(OutputStream.nullOutputStream());
        shapedGlyphs.addToUnicodeMaps();
        document.save(out);
    }

    /** Writes the parent tree that maps each page's marked content back to its elements. */
    private void finish() {
        PDNumberTreeNode parentTree = new PDNumberTreeNode(PDParentTreeValue.class);
        Map<Integer, PDParentTreeValue> numbers = new HashMap<>();
        for (int i = 0; i < pages.size(); i++) {
            PDPage page = pages.get(i);
            page.setStructParents(i);
            COSArray elements = new COSArray();
            byMcid.get(page).forEach(elements::add);
            numbers.put(i, new PDParentTreeValue(elements));
            // PDF/UA asks that pages with annotations be read in structure order; none has any, but say so.
            page.getCOSObject().setItem(COSName.getPDFName("Tabs"), COSName.S);
        }
        parentTree.setNumbers(numbers);
        PDStructureTreeRoot tree = document.getDocumentCatalog().getStructureTreeRoot();
        tree.setParentTree(parentTree);
        tree.setParentTreeNextKey(pages.size());
    }

    /** The XMP packet naming the title and the standards followed, with the extension schema PDF/A asks for pdfuaid. */
    private static void identify(PDDocument document, String title, String language) {
        String xmp = """
                <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
                <x:xmpmeta xmlns:x="adobe:ns:meta/">
                 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
                   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>
                   <dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>
                  </rdf:Description>
                  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
                   <pdfaid:part>2</pdfaid:part>
                   <pdfaid:conformance>U</pdfaid:conformance>
                  </rdf:Description>
                  <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
                   <pdfuaid:part>1</pdfuaid:part>
                  </rdf:Description>
                  <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
                      xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
                   <pdfaExtension:schemas>
                    <rdf:Bag>
                     <rdf:li rdf:parseType="Resource">
                      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
                      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
                      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
                      <pdfaSchema:property>
                       <rdf:Seq>
                        <rdf:li rdf:parseType="Resource">
                         <pdfaProperty:name>part</pdfaProperty:name>
                         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
                         <pdfaProperty:category>internal</pdfaProperty:category>
                         <pdfaProperty:description>Part of ISO 14289 the document conforms to</pdfaProperty:description>
                        </rdf:li>
                       </rdf:Seq>
                      </pdfaSchema:property>
                     </rdf:li>
                    </rdf:Bag>
                   </pdfaExtension:schemas>
                  </rdf:Description>
                 </rdf:RDF>
                </x:xmpmeta>
                <?xpacket end="w"?>""".formatted(xml(title), language);
        try {
            PDMetadata metadata = new PDMetadata(document);
            metadata.importXMPMetadata(xmp.getBytes(StandardCharsets.UTF_8));
            document.getDocumentCatalog().setMetadata(metadata);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** sRGB (the JDK's own profile) as the output intent, so the grey of cut lines has a defined colour. */
    private static void outputIntent(PDDocument document) {
        try {
            byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
            PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(srgb));
            intent.setInfo("sRGB IEC61966-2.1");
            intent.setOutputCondition("sRGB IEC61966-2.1");
            intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
            intent.setRegistryName("http://www.color.org");
            document.getDocumentCatalog().addOutputIntent(intent);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
