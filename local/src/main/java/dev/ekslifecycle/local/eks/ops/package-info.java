/**
 * The EKS operations: validation as EKS does it, state changes in the store, and transitions that end on the
 * simulation clock or when the fleet reports back. Independent of HTTP: the api package maps the wire to these.
 */
package dev.ekslifecycle.local.eks.ops;
