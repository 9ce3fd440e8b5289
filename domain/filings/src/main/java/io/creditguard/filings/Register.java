package io.creditguard.filings;

import java.time.LocalDate;
import java.util.List;

/**
 * What a company register says of a company, as {@code POST /organisationer} of Bolagsverket's API
 * answers it. Fields the register did not give are null; {@code unavailable} names the parts one of its
 * data producers (Bolagsverket, SCB) could not deliver this time.
 *
 * @param legalForm the organisationsform, as code and text ({@code AB}, Aktiebolag)
 * @param active SCB's verksamOrganisation (JA/NEJ), null when not given
 * @param registeredOn when the company was registered (its age is counted from it)
 * @param deregisteredOn when it was removed from the register, null while it is on it
 * @param deregistrationCause why it was removed ({@code LIAV} likvidation, {@code KKAV} konkurs, …)
 * @param procedures ongoing winding-up or restructuring ({@code KK} konkurs, {@code LI} likvidation,
 *     {@code FR} företagsrekonstruktion, …)
 * @param industry the NACE code the scorecard uses ({@code G47.64}), from the first SNI code
 */
public record Register(String organisationNumber, String name, Coded legalForm, Boolean active, LocalDate registeredOn,
        LocalDate deregisteredOn, Coded deregistrationCause, List<Procedure> procedures, List<Coded> sni,
        String industry, List<String> unavailable) {

    public Register {
        procedures = List.copyOf(procedures);
        sni = List.copyOf(sni);
        unavailable = List.copyOf(unavailable);
    }

    /** A code of the register's code lists and its text ({@code kod}, {@code klartext}). */
    public record Coded(String code, String text) {
    }

    /** An ongoing procedure and the day it began. */
    public record Procedure(String code, String text, LocalDate from) {
    }
}
