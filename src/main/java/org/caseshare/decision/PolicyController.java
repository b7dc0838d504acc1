package org.caseshare.decision;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.caseshare.identity.Members;
import org.caseshare.identity.Role;
import org.caseshare.policy.Channel;
import org.caseshare.policy.Policy;
import org.caseshare.policy.PolicyError;
import org.caseshare.policy.Safeguard;
import org.caseshare.system.Actor;
import org.caseshare.system.Catalogue;
import org.caseshare.system.NotFoundException;
import org.caseshare.system.Text;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organisation's sharing policy: everyone signed in reads it in plain English; the data
 * protection officer replaces it (upload or edit), sees its history and can go back to the default.
 * SecurityConfiguration restricts {@code /policy/edit/**} to data protection officers.
 */
@Controller
@RequestMapping("/policy")
class PolicyController {

    /**
     * One problem in an offered policy, with the line it is on so the officer can find it. The
     * loader's own findings are technical and stay as it words them; the page's are catalogue codes.
     */
    record ShownError(String field, int line, int column, Text message, String lineText) {
        public String summary() {
            return line == 0 ? message.resolve() : Catalogue.text("decision.edit.error.at", line, column, message.resolve());
        }
    }

    /** One row of the history, with the name of whoever made it the policy in force. */
    record HistoryRow(StoredPolicy stored, String by) {
    }

    private final PolicyVersions versions;
    private final Members members;

    PolicyController(PolicyVersions versions, Members members) {
        this.versions = versions;
        this.members = members;
    }

    @GetMapping
    String view(Actor user, Model model) {
        InForce inForce = versions.current(user.organisationId());
        Policy policy = inForce.policy();
        Map<Channel, List<Safeguard>> checklists = new LinkedHashMap<>();
        for (Channel channel : Channel.values()) {
            checklists.put(channel, policy.safeguardsFor(channel).stream()
                    .filter(s -> s.channels().size() < Channel.values().length).toList());
        }
        model.addAttribute("inForce", inForce);
        model.addAttribute("policy", policy);
        model.addAttribute("everyChannel", policy.safeguards().stream()
                .filter(s -> s.channels().size() == Channel.values().length).toList());
        model.addAttribute("checklists", checklists);
        model.addAttribute("ruleAdded", policy.safeguards().stream().filter(s -> s.channels().isEmpty()).toList());
        model.addAttribute("rules", policy.ruleReasons());
        model.addAttribute("raisedCategories", java.util.Arrays.stream(org.caseshare.policy.InformationCategory.values())
                .filter(policy.handledAsOfficialSensitive()::contains)
                .map(c -> Catalogue.text("decision.category." + c.name()).toLowerCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.joining(", ")));
        model.addAttribute("fullRecordDue", DecideController.words(policy.fullRecordDueAfterEmergency()));
        model.addAttribute("history", history(user));
        model.addAttribute("dpo", Role.DATA_PROTECTION_OFFICER.heldBy(user));
        return "decision/policy";
    }

    /** The exact text of one version, to read or to start a new one from. */
    @GetMapping("/versions/{number}")
    ResponseEntity<String> text(Actor user, @PathVariable int number) {
        String text = versions.text(user.organisationId(), number).orElseThrow(() -> new NotFoundException("Policy version"));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("sharing-policy-v" + number + ".yaml").build().toString())
                .body(text);
    }

    @GetMapping("/edit")
    String edit(Actor user, Model model) {
        return editPage(user, model, versions.draft(user.organisationId()), List.of());
    }

    @PostMapping("/edit")
    String saveText(Actor user, @RequestParam(defaultValue = "") String text, Model model,
            RedirectAttributes redirect) {
        if (text.isBlank()) {
            return editPage(user, model, text, List.of(new ShownError("text", 0, 0, Text.of("decision.edit.error.text-missing"), null)));
        }
        Replacement replacement = versions.replace(user.organisationId(), text, PolicySource.EDITED, user.accountId());
        return outcome(user, replacement, "text", text, text, model, redirect);
    }

    @PostMapping("/edit/upload")
    String upload(Actor user, @RequestParam(name = "file", required = false) MultipartFile file,
            Model model, RedirectAttributes redirect) throws IOException {
        String draft = versions.draft(user.organisationId());
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
            return editPage(user, model, draft, List.of(new ShownError("file", 0, 0, Text.of("decision.edit.error.file-missing"), null)));
        }
        if (file.isEmpty()) {
            return editPage(user, model, draft, List.of(new ShownError("file", 0, 0, Text.of("decision.edit.error.file-empty"), null)));
        }
        if (file.getSize() > PolicyVersions.MAX_LENGTH * 4L) {
            return editPage(user, model, draft, List.of(new ShownError("file", 0, 0,
                    Text.of("decision.edit.error.file-too-large", PolicyVersions.MAX_LENGTH / 1000), null)));
        }
        Optional<String> text = utf8(file.getBytes());
        if (text.isEmpty()) {
            return editPage(user, model, draft, List.of(new ShownError("file", 0, 0,
                    Text.of("decision.edit.error.file-not-utf8"), null)));
        }
        Replacement replacement = versions.replace(user.organisationId(), text.get(), PolicySource.UPLOADED, user.accountId());
        return outcome(user, replacement, "file", text.get(), draft, model, redirect);
    }

    @PostMapping("/edit/revert")
    String revert(Actor user, Model model, RedirectAttributes redirect) {
        Replacement replacement = versions.revertToDefault(user.organisationId(), user.accountId());
        String draft = versions.draft(user.organisationId());
        return outcome(user, replacement, "revert", draft, draft, model, redirect);
    }

    private String outcome(Actor user, Replacement replacement, String field, String offered, String shown,
            Model model, RedirectAttributes redirect) {
        if (replacement.isAccepted()) {
            InForce now = replacement.accepted().orElseThrow();
            redirect.addFlashAttribute("notice", Text.of("decision.edit.replaced", now.version().number()));
            return "redirect:/policy";
        }
        String[] lines = offered.split("\\R", -1);
        List<ShownError> errors = replacement.errors().stream().map(e -> shown(field, e, lines)).toList();
        return editPage(user, model, shown, errors);
    }

    private static ShownError shown(String field, PolicyError error, String[] lines) {
        String lineText = error.line() <= lines.length ? lines[error.line() - 1] : null;
        return new ShownError(field, error.line(), error.column(), text(error), lineText);
    }

    /**
     * The error in the reader's language where the loader gave a catalogue code (words inside it, such
     * as "rule 'baseline': then", too); its English message otherwise.
     */
    static Text text(PolicyError error) {
        return error.code() == null ? Text.literal(error.message()) : Text.of(error.code(), arguments(error.args()));
    }

    private static Object[] arguments(List<Object> args) {
        return args.stream().map(arg -> arg instanceof PolicyError.Words words
                ? Text.of(words.code(), arguments(words.args())) : arg).toArray();
    }

    private String editPage(Actor user, Model model, String text, List<ShownError> errors) {
        InForce inForce = versions.current(user.organisationId());
        model.addAttribute("inForce", inForce);
        model.addAttribute("nextNumber", inForce.version().number() + 1);
        model.addAttribute("text", text);
        model.addAttribute("errors", errors);
        model.addAttribute("history", history(user));
        model.addAttribute("maxLength", PolicyVersions.MAX_LENGTH);
        return "decision/policy-edit";
    }

    private List<HistoryRow> history(Actor user) {
        Map<UUID, String> names = new LinkedHashMap<>();
        return versions.history(user.organisationId()).stream().map(stored -> new HistoryRow(stored,
                stored.changedBy().map(id -> names.computeIfAbsent(id, key -> members.findById(key)
                        .filter(a -> a.organisationId().equals(user.organisationId()))
                        .map(a -> a.displayName()).orElse(Catalogue.text("decision.history.former-member")))).orElse("Caseshare")))
                .toList();
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
