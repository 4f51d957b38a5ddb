namespace Actors.Tests.Infrastructure;

/// <summary>
/// Makes one grain method fail the way the cluster fails when a silo dies or answers too late: the exception Orleans'
/// messaging throws in the caller, thrown before the call is sent or after it was served (the answer lost). Armed by a
/// test for one action, disarmed after; every other call passes through.
/// </summary>
public sealed class ClusterFaultFilter : IOutgoingGrainCallFilter
{
    private volatile Fault? _fault;

    /// <summary>Arms the fault until the returned handle is disposed (<c>using (faults.Arm(…)) { … }</c>).</summary>
    public IDisposable Arm(string method, Func<Exception> exception, bool afterTheCall = false)
    {
        _fault = new Fault(method, exception, afterTheCall);
        return new Disarming(this);
    }

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var fault = _fault;
        if (fault is null || context.InterfaceMethod?.Name != fault.Method)
        {
            await context.Invoke();
            return;
        }

        if (fault.AfterTheCall)
        {
            await context.Invoke();
        }

        throw fault.Exception();
    }

    private sealed record Fault(string Method, Func<Exception> Exception, bool AfterTheCall);

    private sealed class Disarming(ClusterFaultFilter filter) : IDisposable
    {
        public void Dispose() => filter._fault = null;
    }
}
