package com.invoicedelivery.kit.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.ULocale;
import com.invoicedelivery.events.Language;

/**
 * An amount of money in words, as invoices print it under the total: "хиляда петстотин осемдесет и едно евро и
 * четиридесет и седем цента", "one thousand five hundred and eighty-one euros and forty-seven cents".
 *
 * <p>The number words are ICU's spell-out rules (Bulgarian in its "financial" style, the one official documents
 * use: "единадесет", not "единайсет"; English in British style, with "and"). This class adds what ICU leaves to
 * the caller: the grammatical gender the currency's noun needs (euro is neuter in Bulgarian, cent masculine) and
 * the noun's form after the number. Whole amounts leave out the cents.
 *
 * <p>In the kit because the PDF (pdf-service) and the client's page (tracking-service) print the same words.
 */
public final class AmountInWords {

    /** How a currency's main unit and its hundredth are named in one language. */
    private record Unit(String ruleSet, String one, String many) {
    }

    private record CurrencyNames(Unit major, Unit minor) {
    }

    /** Everything this class writes in one language besides the numbers' own rules. */
    private record Words(RuleBasedNumberFormat spellOut, String and, String minus,
                         Map<String, CurrencyNames> currencies) {
    }

    /** Made when the class is loaded, from an exhaustive switch: no language is without its words. */
    private static final Map<Language, Words> WORDS = Language.each(AmountInWords::wordsIn);

    private static Words wordsIn(Language language) {
        return switch (language) {
            case BG -> new Words(new RuleBasedNumberFormat(new ULocale("bg"), RuleBasedNumberFormat.SPELLOUT),
                    " и ", "минус ", Map.of(
                    "EUR", new CurrencyNames(
                            new Unit("%spellout-cardinal-neuter-financial", "евро", "евро"),
                            new Unit("%spellout-cardinal-masculine-financial", "цент", "цента")),
                    "BGN", new CurrencyNames(
                            new Unit("%spellout-cardinal-masculine-financial", "лев", "лева"),
                            new Unit("%spellout-cardinal-feminine-financial", "стотинка", "стотинки"))));
            case EN -> new Words(new RuleBasedNumberFormat(ULocale.UK, RuleBasedNumberFormat.SPELLOUT),
                    " and ", "minus ", Map.of(
                    "EUR", new CurrencyNames(
                            new Unit("%spellout-cardinal-verbose", "euro", "euros"),
                            new Unit("%spellout-cardinal-verbose", "cent", "cents")),
                    "BGN", new CurrencyNames(
                            new Unit("%spellout-cardinal-verbose", "lev", "leva"),
                            new Unit("%spellout-cardinal-verbose", "stotinka", "stotinki"))));
        };
    }

    private final Language language;
    private final Words inWords;

    private AmountInWords(Language language) {
        this.language = language;
        this.inWords = WORDS.get(language);
    }

    /**
     * The amount in words, or empty for a currency whose names are not known here (the invoice then shows the
     * amount in figures only).
     *
     * @param amount whole cents (an invoice's totals are)
     */
    public static Optional<String> of(BigDecimal amount, String currency, Language language) {
        CurrencyNames names = WORDS.get(language).currencies().get(currency);
        if (names == null) {
            return Optional.empty();
        }
        return Optional.of(new AmountInWords(language).words(amount, names));
    }

    private String words(BigDecimal amount, CurrencyNames names) {
        BigDecimal cents = amount.abs().setScale(2, RoundingMode.UNNECESSARY);
        long major = cents.longValue();
        long minor = cents.remainder(BigDecimal.ONE).movePointRight(2).longValueExact();
        String words = count(major, names.major());
        if (minor != 0) {
            words += inWords.and() + count(minor, names.minor());
        }
        return amount.signum() < 0 ? inWords.minus() + words : words;
    }

    private String count(long number, Unit unit) {
        return spellOut(number, unit.ruleSet()) + " " + (takesSingular(number) ? unit.one() : unit.many());
    }

    /**
     * Bulgarian counts with the singular after a number that ends in "one" (двадесет и един цент) but not
     * after eleven (единадесет цента); English only after one itself.
     */
    private boolean takesSingular(long number) {
        return switch (language) {
            case BG -> number % 10 == 1 && number % 100 != 11;
            case EN -> number == 1;
        };
    }

    private String spellOut(long number, String ruleSet) {
        RuleBasedNumberFormat format = inWords.spellOut();
        // an ICU formatter is not safe for concurrent use; spelling a number out takes microseconds
        synchronized (format) {
            return format.format(number, ruleSet);
        }
    }
}
