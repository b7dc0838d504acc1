package org.caseshare.support;

import java.util.List;

/**
 * Names and addresses of people in UK populations, in each script the documents must print: each
 * must come back from a record, a search, an export and a PDF exactly as it went in.
 */
public final class NameCorpus {

    /** A person's name, and one line of an address written in the same script or language. */
    public record Entry(String name, String addressLine) {
    }

    public static final List<Entry> ENTRIES = List.of(
            new Entry("Siân Llŷr", "1 Ffordd Ŵyn, Aberystwyth"),
            new Entry("Łukasz Żółć", "ul. Źródlana 5, Łódź"),
            new Entry("Ștefan Țăranu", "Strada Mărțișor 3, Brașov"),
            new Entry("Nguyễn Thị Minh Khai", "12 Đường Lê Lợi, Huế"),
            new Entry("Γιώργος Παπαδόπουλος", "Οδός Ερμού 4, Αθήνα"),
            new Entry("Дмитрий Иванов", "ул. Пушкина 10, Москва"),
            new Entry("محمد الأحمد", "شارع الملك 7"),
            new Entry("عائشہ خان", "گلی نمبر 3، لاہور"),
            new Entry("তানভীর আহমেদ", "ব্রিক লেন 22"),
            new Entry("अनीता शर्मा", "गली नंबर 5"),
            new Entry("ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ", "ਸਾਊਥਾਲ 9"),
            new Entry("王秀英", "北京市朝阳区 8 号"));

    private NameCorpus() {
    }
}
