package io.creditguard.credit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.creditguard.credit.CompanyIds.Kind;

class CompanyIdsTest {

    @ParameterizedTest(name = "{0} {1} is a valid {2} shown as {3}")
    @CsvSource({
            "SE, 556036-0793, ORGANISATIONSNUMMER,      556036-0793",  // AB Volvo
            "SE, 5567037485,  ORGANISATIONSNUMMER,      556703-7485",  // Spotify AB, no hyphen
            "SE, 202100-5489, ORGANISATIONSNUMMER,      202100-5489",  // a public authority (third digit 2)
            "SE, 811218-9876, PERSONNUMMER_SOLE_TRADER, 811218-****",  // personal number: masked
            "NL, 12345678,    KVK_NUMBER,               12345678",
            "DE, HRB 12345,   UNVERIFIED,               HRB12345",
    })
    void acceptsValidIds(String country, String id, Kind kind, String shown) {
        var checked = CompanyIds.registrationNumber(country, id);
        assertThat(checked.error()).isNull();
        assertThat(checked.kind()).isEqualTo(kind);
        assertThat(checked.normalized()).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "SE, 556036-0794, Luhn",          // last digit off by one
            "SE, 55603-60793, 10 digits",     // hyphen in the wrong place
            "SE, 55603607931, 10 digits",
            "SE, 811218-9875, Luhn",
            "NL, 1234567,     8 digits",
            "NL, 1234567A,    8 digits",
            "DE, 'a b;c',     letters, digits",
    })
    void refusesInvalidIdsNamingTheRule(String country, String id, String rule) {
        assertThat(CompanyIds.registrationNumber(country, id).error()).contains(rule);
    }

    @ParameterizedTest(name = "VAT {1} with orgnr {2}: {3}")
    @CsvSource(nullValues = "OK", value = {
            "SE, SE556036079301,   556036-0793, OK",
            "SE, se 5560360793 01, 556036-0793, OK",
            "SE, SE556036079302,   556036-0793, must be SE + 10 digits + 01",
            "SE, SE556703748501,   556036-0793, does not match registrationNumber",
            "SE, SE556036079401,   556036-0793, Luhn",
            "NL, NL004495445B01,   12345678,    OK",                // eleven test
            "NL, NL123456789B13,   12345678,    OK",                // MOD 97-10 (sole trader format)
            "NL, NL004495446B01,   12345678,    fails the VAT check digits",
            "NL, NL004495445X01,   12345678,    must be NL + 9 digits + B + 2 digits",
    })
    void checksVatNumbers(String country, String vat, String orgnr, String error) {
        var registration = CompanyIds.registrationNumber(country, orgnr);
        String result = CompanyIds.vatNumberError(country, vat, registration);
        if (error == null) {
            assertThat(result).isNull();
        } else {
            assertThat(result).contains(error);
        }
    }
}
