package org.caseshare.support;

import java.util.Locale;
import java.util.function.Consumer;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Drives a {@link Browser} through a journey as a person would, counting what they do and pricing it
 * with the keystroke-level model of issue #20: 0.28 s a character typed; 1.1 s a point-and-click (a
 * drop-down is two clicks, a text field one click to focus); 1.35 s of mental preparation for each
 * field, radio or checkbox; 3 s to read each page shown. The price is a benchmark figure to print,
 * never something to assert: tests assert the counts, which do not depend on the machine.
 */
public final class Keystrokes {

    static final double TYPING = 0.28;
    static final double CLICK = 1.1;
    static final double MENTAL = 1.35;
    static final double READING = 3.0;

    private final Browser browser;
    private final Consumer<Browser> everyPage;
    private int pages;
    private int textFields;
    private int dropDowns;
    private int choices;
    private int characters;
    private int clicks;

    /** @param everyPage a check to run on every page shown, such as axe-core; it costs the person nothing */
    public Keystrokes(Browser browser, Consumer<Browser> everyPage) {
        this.browser = browser;
        this.everyPage = everyPage;
    }

    /** A page the person reads and acts on before the share is recorded. */
    public Keystrokes page() {
        pages++;
        everyPage.accept(browser);
        return this;
    }

    /** The page the journey ends on: checked like the others, but the recording is done, so not priced. */
    public Keystrokes end() {
        everyPage.accept(browser);
        return this;
    }

    /** A text field: one click to focus it, a moment to think, then the characters. */
    public Keystrokes type(String id, String text) {
        browser.type(id, text);
        textFields++;
        clicks++;
        characters += text.length();
        return this;
    }

    /** A drop-down: a click to open it, a moment to think, a click to choose. */
    public Keystrokes select(String id, String value) {
        browser.select(id, value);
        dropDowns++;
        clicks += 2;
        return this;
    }

    /**
     * A type-ahead (GOV.UK's accessible-autocomplete): a click to focus it, a moment to think, the
     * characters typed, then a click on the suggestion. With nothing typed, the click shows every
     * suggestion and it costs what a drop-down does; each character typed costs more.
     */
    public Keystrokes suggest(String id, String typed, String suggestion) {
        browser.suggest(id, typed, suggestion);
        dropDowns++;
        clicks += 2;
        characters += typed.length();
        return this;
    }

    /** A radio or a checkbox: a moment to think and one click. */
    public Keystrokes choose(String id) {
        browser.click(id);
        choices++;
        clicks++;
        return this;
    }

    /** Every checkbox of one name still to tick, each as its own decision. */
    public Keystrokes chooseEvery(String name) {
        for (WebElement box : browser.driver().findElements(By.name(name))) {
            if (box.isEnabled() && !box.isSelected()) {
                ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", box);
                box.click();
                choices++;
                clicks++;
            }
        }
        return this;
    }

    /** A button or a link: one click, nothing to decide. */
    public Keystrokes press(String id) {
        browser.click(id);
        clicks++;
        return this;
    }

    public int pages() {
        return pages;
    }

    public int textFields() {
        return textFields;
    }

    public int dropDowns() {
        return dropDowns;
    }

    public int choices() {
        return choices;
    }

    /** Every field the person filled: text fields, drop-downs, radios and checkboxes. */
    public int fields() {
        return textFields + dropDowns + choices;
    }

    public int characters() {
        return characters;
    }

    public int clicks() {
        return clicks;
    }

    public double seconds() {
        return characters * TYPING + clicks * CLICK + fields() * MENTAL + pages * READING;
    }

    /** One line, as bench/ux/RESULTS.md ends: {@code scenario B: 84 s, 2 pages, 31 fields}. */
    public String line(String scenario) {
        return String.format(Locale.ROOT, "scenario %s: %.0f s, %d pages, %d fields", scenario, seconds(), pages, fields());
    }

    /** Every count, for the table. */
    public String detail(String scenario) {
        return String.format(Locale.ROOT, "| %s | %.0f s | %d | %d | %d | %d | %d | %d |", scenario, seconds(), pages, textFields,
                dropDowns, choices, characters, clicks);
    }
}
