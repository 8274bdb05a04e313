/**
 * The EKS emulator's state: each resource record wrapped with what only the emulator needs (region, when its
 * current transition ends), held in one {@link dev.ekslifecycle.local.eks.state.EksStore} and saved as one JSON
 * document under the data directory, so a restarted local cloud keeps its clusters.
 */
package dev.ekslifecycle.local.eks.state;
