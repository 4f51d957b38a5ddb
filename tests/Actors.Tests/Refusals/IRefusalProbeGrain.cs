namespace Actors.Tests.Refusals;

/// <summary>A test-only grain that refuses like the domain grains, with any code asked for.</summary>
public interface IRefusalProbeGrain : IGrainWithGuidKey
{
    /// <summary>A refusal built by hand inside the step pipeline, as a careless grain would.</summary>
    Task RefuseInsideSteps(string code);

    /// <summary>A refusal raised through the operation, as the domain grains do.</summary>
    Task RefuseThroughOperation(string code);
}
