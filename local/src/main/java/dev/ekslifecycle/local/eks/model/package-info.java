/**
 * EKS resources exactly as the restJson1 wire spells them: each record's component names are the JSON member names
 * of the EKS service model, so the same records are the emulator's state, its persisted form and its responses.
 * Absent (null) members are left out of the JSON. Configuration the emulator only echoes is kept as JSON.
 */
package dev.ekslifecycle.local.eks.model;
