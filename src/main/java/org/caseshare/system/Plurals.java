package org.caseshare.system;

import java.util.Locale;

import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Words that change with a number. English has two forms (one, other); Welsh has six (zero, one,
 * two, few, many, other: "0 cofnodion", "1 cofnod", "2 gofnod", "3 chofnod", "6 chofnod",
 * "4 cofnod"), so a catalogue entry {@code key} is written as {@code key.one}, {@code key.other}
 * and, in Welsh, whichever others it needs; ICU's plural rules choose. In templates:
 * {@code @plurals.text('sharing.register.count', n)}; the number is argument {0}. Java code outside a request
 * names the language: {@link #inLanguage} (a name of its own, so that SpEL never finds two {@code text}
 * methods to choose between when a template passes more arguments).
 */
@Component("plurals")
public class Plurals {

    public String text(String key, long count, Object... more) {
        return inLanguage(LocaleContextHolder.getLocale(), key, count, more);
    }

    public static String inLanguage(Locale locale, String key, long count, Object... more) {
        Object[] args = new Object[more.length + 1];
        args[0] = count;
        System.arraycopy(more, 0, args, 1, more.length);
        String category = PluralRules.forLocale(ULocale.forLocale(locale)).select(count);
        try {
            return Catalogue.text(locale, key + "." + category, args);
        } catch (NoSuchMessageException notNeeded) {
            return Catalogue.text(locale, key + ".other", args);
        }
    }
}
