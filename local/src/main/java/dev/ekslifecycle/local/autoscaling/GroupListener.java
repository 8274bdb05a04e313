package dev.ekslifecycle.local.autoscaling;

/**
 * Told when an instance of a group changes lifecycle state (launched, in service, terminating, terminated), while
 * the Auto Scaling service's lock is held: a listener may call back into the service on the same thread, but must
 * not block.
 */
@FunctionalInterface
public interface GroupListener {

    void memberChanged(GroupRecord group, GroupInstance member);
}
