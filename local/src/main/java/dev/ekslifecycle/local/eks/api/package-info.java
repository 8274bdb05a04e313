/** The restJson1 wire of EKS: routes by method and path, request bodies to records, errors as the SDK reads them. */
package dev.ekslifecycle.local.eks.api;
