package org.touchpoints.register.api.change;

import java.util.List;

public record ApprovalActResult(String actId, List<String> changeIds) {}
