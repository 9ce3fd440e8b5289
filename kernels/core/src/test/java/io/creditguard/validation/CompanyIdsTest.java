package io.creditguard.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.creditguard.validation.CompanyIds.Kind;
import io.creditguard.validation.CompanyIds.Rule;

class CompanyIdsTest {

    @ParameterizedTest(name = "{0} {1} is a valid {2} shown as {3}")
    @CsvSource({
            "SE, 556036-0793, ORGANISATIONSNUMMER,      556036-0793",  // AB Volvo
            "SE, 5567037485,  ORGANISATIONSNUMMER,      556703-7485",  // Spotify AB, no hyphen
            "SE, 202100-5489, ORGANISATIONSNUMMER,      202100-5489",  // a public authority (third digit 2)
            "SE, 811218-9876, PERSONNUMMER_SOLE_TRADER, 811218-****",  // personal number: masked
            "SE, 16556036-0793, ORGANISATIONSNUMMER,    556036-0793",  // the 12-digit form: 16 before the number
            "SE, 165567037485, ORGANISATIONSNUMMER,     556703-7485",
            "NL, 12345678,    KVK_NUMBER,               12345678",
            "DE, HRB 12345,   UNVERIFIED,               HRB12345",
    })
    void acceptsValidIds(String country, String id, Kind kind, String shown) {
        var checked = CompanyIds.registrationNumber(country, id);
        assertThat(checked.broken()).isNull();
        assertThat(checked.kind()).isEqualTo(kind);
        assertThat(checked.normalized()).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "SE, 556036-0794, SE_ORGNR_LUHN",    // last digit off by one
            "SE, 55603-60793, SE_ORGNR_FORMAT",  // hyphen in the wrong place
            "SE, 55603607931, SE_ORGNR_FORMAT",
            "SE, 16811218-9876, SE_ORGNR_FORMAT", // 16 is a legal person's: never before a personal number
            "SE, 17556036-0793, SE_ORGNR_FORMAT",
            "SE, 165560360794, SE_ORGNR_LUHN",
            "SE, 811218-9875, SE_ORGNR_LUHN",
            "NL, 1234567,     NL_KVK_FORMAT",
            "NL, 1234567A,    NL_KVK_FORMAT",
            "DE, 'a b;c',     OTHER_ID_FORMAT",
    })
    void refusesInvalidIdsNamingTheRule(String country, String id, Rule rule) {
        assertThat(CompanyIds.registrationNumber(country, id).broken()).isEqualTo(rule);
    }

    @ParameterizedTest(name = "VAT {1} with orgnr {2}: {3}")
    @CsvSource(nullValues = "OK", value = {
            "SE, SE556036079301,   556036-0793, OK",
            "SE, se 5560360793 01, 556036-0793, OK",
            "SE, SE556036079302,   556036-0793, SE_VAT_FORMAT",
            "SE, SE556703748501,   556036-0793, SE_VAT_MISMATCH",
            "SE, SE556036079401,   556036-0793, SE_VAT_LUHN",
            "NL, NL004495445B01,   12345678,    OK",                // eleven test
            "NL, NL123456789B13,   12345678,    OK",                // MOD 97-10 (sole trader format)
            "NL, NL004495446B01,   12345678,    NL_VAT_CHECK_DIGITS",
            "NL, NL004495445X01,   12345678,    NL_VAT_FORMAT",
    })
    void checksVatNumbers(String country, String vat, String orgnr, Rule broken) {
        var registration = CompanyIds.registrationNumber(country, orgnr);
        assertThat(CompanyIds.vatNumberError(country, vat, registration)).isEqualTo(broken);
    }
}
