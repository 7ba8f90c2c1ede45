package org.touchpoints.register.api.publication;

import java.util.List;

public record PublicationResult(int version, List<String> coveredChangeIds, String sha256) {}
