package dev.ekslifecycle.local.ec2;

/**
 * Told of every instance state change, after the change and outside the inventory's lock, so a listener may call
 * back into the inventory (Auto Scaling replaces an instance someone terminated through EC2).
 */
@FunctionalInterface
public interface InstanceListener {

    void stateChanged(Ec2Instance instance, InstanceState previous);
}
