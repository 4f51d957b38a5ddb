namespace Actors.Bench;

/// <summary>
/// Every activation of a grain class asked to deactivate (what its idle age does, without the wait), through the
/// management grain's list and each grain's management extension: from the silo's own factory or from a client.
/// </summary>
public static class GrainDeactivation
{
    /// <summary>Asks each active grain of <paramref name="grainClass"/> to go, <paramref name="parallel"/> at once; returns how many it asked.</summary>
    public static async Task<int> RequestAsync(IGrainFactory grains, Type grainClass, int parallel)
    {
        var active = await grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics([TypeName(grainClass)]);
        await Parallel.ForEachAsync(
            active,
            new ParallelOptions { MaxDegreeOfParallelism = parallel },
            async (grain, _) => await grains.GetGrain(grain.GrainId).AsReference<Orleans.Core.Internal.IGrainManagementExtension>().DeactivateOnIdle());
        return active.Length;
    }

    /// <summary>How many grains of <paramref name="grainClass"/> are active.</summary>
    public static async Task<int> ActiveAsync(IGrainFactory grains, Type grainClass) =>
        (await grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics([TypeName(grainClass)])).Length;

    private static string TypeName(Type grainClass) => Orleans.Serialization.TypeSystem.RuntimeTypeNameFormatter.Format(grainClass);
}
