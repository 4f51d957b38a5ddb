namespace Actors.Silo;

/// <summary>
/// Orleans' Kubernetes hosting, only inside a pod: the silo takes its name, address and cluster ids from the pod
/// (POD_NAME, POD_NAMESPACE, POD_IP, ORLEANS_CLUSTER_ID, ORLEANS_SERVICE_ID, set by k8s/base/silo-deployment.yaml), and
/// silos whose pod is gone are declared dead at once instead of after the membership's probe timeouts.
/// Clustering itself stays on PostgreSQL.
/// </summary>
public static class KubernetesHosting
{
    /// <summary>The variable the kubelet sets in every container; absent everywhere else (a laptop, the tests, podman).</summary>
    public const string ServiceHostVariable = "KUBERNETES_SERVICE_HOST";

    public static ISiloBuilder AddActorsKubernetesHosting(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!string.IsNullOrEmpty(configuration[ServiceHostVariable]))
        {
            silo.UseKubernetesHosting();
        }

        return silo;
    }
}
