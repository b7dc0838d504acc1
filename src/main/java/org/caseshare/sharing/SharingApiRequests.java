package org.caseshare.sharing;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.caseshare.system.StrictBody;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * What the register's API reads. A new record has the form's fields under the same names (so
 * {@link ShareFormReader} checks it with the page's messages); the people are a list. Every change
 * may carry the {@code version} it was read at (or send {@code If-Match}).
 */
final class SharingApiRequests {

    private SharingApiRequests() {
    }

    static final String VERSION_MESSAGE = "Give version as the whole number the record showed when you read it";

    @Schema(description = "A person the record is about. Give a date of birth or your case reference, or both.")
    record Subject(@Schema(example = "Alex Example") String name,
            @Schema(example = "2015-03-27", description = "yyyy-mm-dd") String dateOfBirth,
            @Schema(example = "C-1001", description = "your organisation's case reference") String reference,
            @Schema(example = "9434765919", description = "optional; checked by modulus 11") String nhsNumber) {
    }

    @StrictBody
    @Schema(description = "A share, a request received or a decision not to share, with the form's field names. "
            + "Which fields are needed depends on the direction, channel and urgency, exactly as on the form; "
            + "the 422 problem's errors name each missing one.")
    record NewRecord(@Schema(description = "Makes a resend return the first record instead of a second") String formToken,
            @Schema(example = "WE_SHARE", description = "WE_SHARE, REQUEST_RECEIVED, REQUEST_MADE or DECISION_NOT_TO_SHARE") String direction,
            @StrictBody.WrongType("Give the people as a list, such as [{\"name\": \"…\", \"dateOfBirth\": \"2015-03-27\", \"reference\": \"…\"}]")
            List<Subject> subjects,
            @Schema(example = "School attendance summary for this term") String information,
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            @StrictBody.WrongType("Give the kinds of information as a list, such as [\"PERSONAL\", \"SPECIAL_CATEGORY\"]")
            @Schema(example = "[\"PERSONAL\"]") List<String> categories,
            @Schema(example = "OFFICIAL") String marking, @Schema(example = "ROUTINE") String urgency,
            @Schema(example = "Health visitor assessment of the child's needs") String purpose, String necessity,
            @Schema(example = "PUBLIC_TASK") String lawfulBasis, String article9Condition, String article10Condition,
            String statutoryGateway,
            @JsonDeserialize(using = YesNo.class) @Schema(type = "string", example = "yes", description = "yes or no (JSON true and false are read as yes and no)")
            String consentSought,
            @Schema(example = "WOULD_CAUSE_DELAY") String consentNotSought, String consentNotSoughtOther, String consentGivenBy,
            String consentCapacity, String consentLimits,
            @JsonDeserialize(using = YesNo.class) @Schema(type = "string", example = "yes", description = "yes or no (JSON true and false are read as yes and no)")
            String consentWithdrawn,
            String adviceFrom, String adviceSummary, @Schema(example = "SHARE") String decision, String decisionReasons,
            @Schema(example = "TELEPHONE") String channel,
            @Schema(description = "A directory entry's id, or blank to type the organisation") String recipientEntry,
            String recipientType, String recipientOrganisation, String recipientName, String recipientJobTitle,
            String recipientDepartment, String recipientTelephone, String recipientEmail, String recipientAddress,
            String numberGiven, String personInformed, String personInformedOn, String personNotInformedWhy, String reviewDate) {

        /** As the form's fields: the people in parallel lists, yes/no as the form's words. */
        ShareForm form() {
            List<Subject> people = subjects == null ? List.of() : subjects.stream().map(s -> s == null ? new Subject(null, null, null, null) : s).toList();
            return new ShareForm(formToken, null, direction, people.stream().map(s -> orEmpty(s.name())).toList(),
                    people.stream().map(s -> orEmpty(s.dateOfBirth())).toList(), people.stream().map(s -> orEmpty(s.reference())).toList(),
                    information, categories == null ? List.of() : categories.stream().map(SharingApiRequests::orEmpty).toList(),
                    marking, urgency, purpose, necessity, lawfulBasis, article9Condition, article10Condition, statutoryGateway,
                    consentSought, consentNotSought, consentNotSoughtOther, consentGivenBy, consentCapacity, consentLimits,
                    "no".equals(consentWithdrawn) ? "" : consentWithdrawn, adviceFrom, adviceSummary, decision, decisionReasons,
                    channel, recipientEntry, recipientType, recipientOrganisation, recipientName, recipientJobTitle,
                    recipientDepartment, recipientTelephone, recipientEmail, recipientAddress, numberGiven, personInformed,
                    personInformedOn, personNotInformedWhy, reviewDate, people.stream().map(s -> orEmpty(s.nhsNumber())).toList());
        }
    }

    @StrictBody
    @Schema(description = "Search the register by what identifies people or the recipient: a body, so nothing personal is in a URL.")
    record Search(@Schema(description = "A name or case reference", example = "Alex Example") String person,
            @Schema(example = "Helping Hands Charity") String recipient,
            @Schema(description = "exact (default when the name is known) or contains") String recipientMatch,
            String status, String channel, String marking, String recipientType, String lawfulBasis,
            @Schema(example = "2026-01-01") String from, @Schema(example = "2026-12-31") String to, String sort,
            @Schema(description = "asc or desc") String order,
            @StrictBody.WrongType("Give page as a whole number from 0") Integer page,
            @StrictBody.WrongType("Give size as a whole number from 1 to " + SharingApiController.MAX_PAGE_SIZE) Integer size) {
    }

    /** A step that needs nothing but the version (or If-Match). */
    @StrictBody
    record Step(@StrictBody.WrongType(VERSION_MESSAGE) @Schema(example = "3") Integer version) {
    }

    @StrictBody
    record Refusal(@StrictBody.WrongType(VERSION_MESSAGE) Integer version,
            @NotBlank(message = "Enter why the share is refused") String reason) {
    }

    @StrictBody
    record Declining(@StrictBody.WrongType(VERSION_MESSAGE) Integer version,
            @NotBlank(message = "Enter why the information is not being shared") String reasons) {
    }

    @StrictBody
    record Cancellation(@StrictBody.WrongType(VERSION_MESSAGE) Integer version, String reason) {
    }

    @StrictBody
    @Schema(description = "For a request received: the result of calling the requester back on their organisation's switchboard.")
    record CallBack(@StrictBody.WrongType(VERSION_MESSAGE) Integer version,
            @NotBlank(message = "Enter the number you called back on") @Schema(example = "0118 974 6000") String number,
            @NotNull(message = "Give verified as true (the caller is who they said) or false")
            @StrictBody.WrongType("Give verified as true (the caller is who they said) or false") Boolean verified,
            String note) {
    }

    static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
