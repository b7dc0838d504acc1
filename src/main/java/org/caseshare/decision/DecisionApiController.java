package org.caseshare.decision;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.media.Schema;
import org.caseshare.directory.Directory;
import org.caseshare.policy.Assessment;
import org.caseshare.policy.Channel;
import org.caseshare.policy.ChannelOutcome;
import org.caseshare.policy.OrganisationType;
import org.caseshare.policy.Policy;
import org.caseshare.policy.Reason;
import org.caseshare.policy.Safeguard;
import org.caseshare.system.Actor;
import org.caseshare.system.ApiValidationException;
import org.caseshare.system.Callers;
import org.caseshare.system.StrictBodies;
import org.caseshare.system.StrictBody;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The policy over the API: "how should I share this?" for a described situation, and the caller's
 * organisation's policy in force. Nothing is recorded.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
class DecisionApiController {

    /** JSON field names, in the order problems are reported, mapped from the situation's fields. */
    private static final Map<String, String> JSON_FIELDS = Map.of("marking", "marking", "descriptor", "descriptor",
            "urgency", "urgency", "categories", "categories", "recipient", "recipientType", "sender", "senderType",
            "records", "records");

    private final PolicyVersions versions;
    private final Directory directory;

    DecisionApiController(PolicyVersions versions, Directory directory) {
        this.versions = versions;
        this.directory = directory;
    }

    record VersionResponse(int number, String sha256) {
    }

    @Schema(name = "ChannelSafeguard")
    record SafeguardResponse(String id, String text) {
    }

    record ReasonResponse(String ruleId, String because, String source, String passage) {
    }

    record ChannelResponse(String channel, String name, String verdict, List<SafeguardResponse> safeguards,
            List<String> conditions, String authoriser, boolean minimalRecordFirst, List<String> advice,
            List<ReasonResponse> reasons) {
    }

    record MarkingResponse(String marking, String descriptor, String handledAs, boolean reviewRequired,
            String reviewer, String explanation, boolean outOfScope) {
    }

    record AssessmentResponse(VersionResponse policyVersion, MarkingResponse marking, String fullRecordDueWithin,
            List<ChannelResponse> channels, List<String> advice) {
    }

    record PolicySafeguardResponse(String id, String text, List<String> channels) {
    }

    @Schema(name = "PolicyInForce")
    record PolicyResponse(int number, String sha256, String title, String source, Instant inForceSince,
            String fullRecordDueAfterEmergency, int bulkFromRecords, List<PolicySafeguardResponse> safeguards) {
    }

    /** A situation to assess; the words are the page's, checked by {@link SituationInput} with the page's messages. */
    @StrictBody(controllerReports = true)
    @Schema(description = "The situation: protective marking, urgency, kinds of information, recipient and how many people's records.")
    record AssessmentRequest(@Schema(example = "OFFICIAL") String marking,
            @Schema(description = "Only with OFFICIAL-SENSITIVE: PERSONAL, COMMERCIAL or LOCKDOWN") String descriptor,
            @Schema(example = "ROUTINE") String urgency,
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            @StrictBody.WrongType("Give the kinds of information as a list, such as [\"personal\", \"special-category\"]")
            @Schema(example = "[\"PERSONAL\"]") List<String> categories,
            @Schema(example = "HEALTH") String recipientType,
            @Schema(description = "Defaults to the caller's organisation's type") String senderType,
            @StrictBody.WrongType("Enter the number of people's records as a whole number, 1 or more")
            @Schema(example = "1", description = "Defaults to 1") Integer records) {
    }

    @Callers("anyone with a token")
    @PostMapping("/assessments")
    AssessmentResponse assess(Actor user, @RequestBody AssessmentRequest body) {
        Map<String, String> errors = new LinkedHashMap<>(StrictBodies.wrongTypes());
        List<String> categories = body.categories() == null ? List.of()
                : body.categories().stream().map(c -> c == null ? "" : c).toList();
        SituationInput input = new SituationInput(body.marking(), body.descriptor(), body.urgency(), categories,
                body.recipientType(), body.senderType(), body.records() == null ? "1" : body.records().toString());
        SituationInput.Parsed parsed = input.parse(senderType(user));
        for (String field : SituationInput.FIELDS) {
            if (parsed.errors().containsKey(field)) {
                errors.putIfAbsent(JSON_FIELDS.get(field), parsed.errors().get(field));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiValidationException(errors);
        }
        Assessment assessment = versions.current(user.organisationId()).policy().assess(parsed.situation().orElseThrow());
        return response(assessment);
    }

    @Callers("anyone with a token")
    @GetMapping("/policy")
    PolicyResponse policy(Actor user) {
        InForce inForce = versions.current(user.organisationId());
        Policy policy = inForce.policy();
        List<PolicySafeguardResponse> safeguards = policy.safeguards().stream()
                .map(s -> new PolicySafeguardResponse(s.id(), s.text(),
                        s.channels().stream().sorted().map(Channel::name).toList()))
                .toList();
        return new PolicyResponse(inForce.version().number(), inForce.version().sha256(), policy.title(),
                inForce.stored().source().name(), inForce.stored().changedAt().orElse(null),
                policy.fullRecordDueAfterEmergency().toString(), policy.bulkFromRecords(), safeguards);
    }

    private static AssessmentResponse response(Assessment a) {
        var situation = a.situation();
        MarkingResponse marking = new MarkingResponse(situation.marking().label(),
                situation.descriptor().map(Enum::name).orElse(null), a.handledAs().label(),
                a.classificationReviewRequired(), a.markingMapping().reviewer().map(Enum::name).orElse(null),
                a.markingMapping().explanation(), situation.marking().isOutOfScope());
        return new AssessmentResponse(new VersionResponse(a.policyVersion().number(), a.policyVersion().sha256()), marking,
                a.fullRecordDueWithin().map(Object::toString).orElse(null),
                a.outcomes().stream().map(DecisionApiController::channel).toList(), a.advice());
    }

    private static ChannelResponse channel(ChannelOutcome o) {
        return new ChannelResponse(o.channel().name(), o.channel().displayName(), o.verdict().name(),
                o.safeguards().stream().map(s -> new SafeguardResponse(s.id(), s.text())).toList(),
                o.conditions().stream().map(Safeguard::id).toList(), o.authoriser().map(Enum::name).orElse(null),
                o.minimalRecordFirst(), o.advice(), o.reasons().stream().map(DecisionApiController::reason).toList());
    }

    private static ReasonResponse reason(Reason r) {
        return new ReasonResponse(r.ruleId(), r.because(), r.source().name(), r.passage());
    }

    private OrganisationType senderType(Actor user) {
        return directory.organisation(user.organisationId()).map(o -> SituationInput.typeOf(o.kind()))
                .orElse(OrganisationType.COUNCIL);
    }
}
