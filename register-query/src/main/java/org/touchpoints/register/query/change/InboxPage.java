package org.touchpoints.register.query.change;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.touchpoints.register.query.ui.UiController;
import org.touchpoints.register.query.ui.Viewer;

/**
 * The changes waiting for the signed-in person: for a division head, the changes their division initiated; for a
 * deputy, the changes of their registers the division heads agreed. Each with the row before and after and the
 * steps (approve, reject with a reason; the deputy approves optionally by an order).
 */
@UiController
public class InboxPage {
    private final ChangeReadModel changes;
    private final ChangeCards cards;

    public InboxPage(ChangeReadModel changes, ChangeCards cards) {
        this.changes = changes;
        this.cards = cards;
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

    /** Waiting for this person's step, oldest first; never their own proposals (nobody approves their own). */
    public List<ChangeView> waitingFor(Viewer viewer) {
        Map<String, ChangeView> waiting = new LinkedHashMap<>();
        for (Viewer.Membership m : viewer.memberships()) {
            String step = switch (m.role()) {
                case "HEAD" -> "DIVISION_HEAD";
                case "DEPUTY", "RESPONSIBLE", "HEAD_OF_AUTHORITY" -> m.role();
                default -> null;
            };
            if (step != null) {
                changes.awaiting(m.registerId(), step, "HEAD".equals(m.role()) ? m.division() : null)
                        .forEach(c -> waiting.putIfAbsent(c.changeId(), c));
            }
            if (List.of("DEPUTY", "RESPONSIBLE", "HEAD_OF_AUTHORITY").contains(m.role())) {
                // the approving act is a step of its own: whoever may record it sees the changes awaiting it
                changes.awaiting(m.registerId(), "APPROVAL_ACT", null).forEach(c -> waiting.putIfAbsent(c.changeId(), c));
            }
        }
        List<ChangeView> list = new ArrayList<>(waiting.values());
        list.removeIf(c -> Objects.equals(c.initiatedBy(), viewer.username()));
        list.sort(Comparator.comparing(ChangeView::initiatedAt).thenComparing(ChangeView::changeId));
        return list;
    }
}
