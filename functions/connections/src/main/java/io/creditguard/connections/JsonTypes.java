package io.creditguard.connections;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Every type of this package that Jackson maps, registered for a native image. */
@RegisterForReflection(targets = { Platform.class, Connection.class, Connection.Status.class, Connection.Tokens.class,
        Connection.Lease.class, SyncReport.class, SyncReport.Status.class, SyncReport.Counts.class, SyncReport.Unmapped.class,
        ConnectionStore.Pending.class, ConnectionsFunction.State.class, ConnectionsFunction.PlatformView.class,
        ConnectionsFunction.Overview.class, ConnectionsFunction.Authorization.class, ConnectionsFunction.Disconnected.class,
        ConnectionsFunction.Synced.class, Consents.Revocation.class })
final class JsonTypes {

    private JsonTypes() {
    }
}
