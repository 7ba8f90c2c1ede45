package org.touchpoints.register.query.change;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.touchpoints.register.api.change.StepRules;
import org.touchpoints.register.api.procedure.ProcedureStep;
import org.touchpoints.register.query.ui.UiController;
import org.touchpoints.register.query.ui.Viewer;

/**
 * The changes waiting for the signed-in person's step (a division head's agreement, the deputy's or another step of the
 * register's procedure, an approving act), in person or as an acting official. Each with the row before and after and the
 * steps (approve, reject with a reason; the deputy approves optionally by an order).
 */
@UiController
public class InboxPage {
    private final ChangeReadModel changes;
    private final ChangeCards cards;
    private final StepRights rights;

    public InboxPage(ChangeReadModel changes, ChangeCards cards, StepRights rights) {
        this.changes = changes;
        this.cards = cards;
        this.rights = rights;
    }

    @GetMapping("/inbox")
    String inbox(Model model) {
        return render(model, null);
    }

    String render(Model model, ChangePage.ActionError error) {
        Viewer viewer = (Viewer) model.getAttribute("viewer");
        model.addAttribute("cards", cards.cards(waitingFor(viewer), viewer));
        model.addAttribute("actionError", error);
        model.addAttribute("from", "inbox");
        return "inbox";
    }

    /**
     * Waiting for this person's step, oldest first: the changes whose pending step the register's own step rules
     * ({@link StepRights}) let them take now — in person or as an acting official (и.о.) — or whose approving act they
     * may record; never their own proposals, never a second step of the same change (four eyes).
     */
    public List<ChangeView> waitingFor(Viewer viewer) {
        if (!viewer.signedIn()) {
            return List.of();
        }
        List<ChangeView> list = new ArrayList<>();
        Set<String> registerIds = new TreeSet<>();
        viewer.memberships().forEach(m -> registerIds.add(m.registerId()));
        for (String registerId : registerIds) {
            StepRights.Of of = rights.of(registerId);
            Map<String, ChangeView> candidates = new LinkedHashMap<>();
            for (ProcedureStep step : ProcedureStep.values()) {
                if (mightTake(viewer, of, step)) { // only to look at fewer changes: the rules decide below
                    changes.awaiting(registerId, step.name(), null)
                            .forEach(c -> candidates.putIfAbsent(c.changeId(), c));
                }
            }
            if (StepRules.recordsActs(of.roles(), viewer.username())) {
                changes.awaiting(registerId, "APPROVAL_ACT", null)
                        .forEach(c -> candidates.putIfAbsent(c.changeId(), c));
            }
            Map<String, List<ChangeView.TimelineEntry>> timelines = changes.timelines(candidates.keySet());
            for (ChangeView c : candidates.values()) {
                ChangeView withTimeline = c.withTimeline(timelines.getOrDefault(c.changeId(), List.of()));
                if (ChangeCards.Steps.of(viewer, withTimeline, of).waitsForViewer()) {
                    list.add(withTimeline);
                }
            }
        }
        list.sort(Comparator.comparing(ChangeView::initiatedAt).thenComparing(ChangeView::changeId));
        return list;
    }

    /** Whether the person holds the step's role somewhere in the register, or is named its acting official. */
    private static boolean mightTake(Viewer viewer, StepRights.Of of, ProcedureStep step) {
        return viewer.has(of.registerId(), step.role().name())
                || of.delegations().stream()
                        .anyMatch(d -> !d.revoked()
                                && d.role() == step.role()
                                && d.delegate().equals(viewer.username()));
    }
}
