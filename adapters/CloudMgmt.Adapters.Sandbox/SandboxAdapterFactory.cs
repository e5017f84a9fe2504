namespace CloudMgmt.Adapters.Sandbox;

/// <summary>
/// Makes sandbox adapters. Settings: "preset" ("province-x86" or "xinchuang-arm"), "capacity" (one
/// zone of that capacity instead of the preset's, e.g. "vcpu=20,memoryGiB=80": a small cloud that
/// runs out of room), the fault knobs "failureRate" (0 to 1), "latencyMs", "applyDelayMs" and
/// "seed", and "stateFile", the name of a file in <paramref name="stateDirectory"/> that keeps the
/// sandbox's objects across controller restarts and that every controller process naming it shares
/// (a name, never a path: a setting must not choose where the controller writes).
/// </summary>
/// <param name="stateDirectory">Where state files go (the host gives <c>&lt;data-dir&gt;/sandbox</c>); null: no state files.</param>
public sealed class SandboxAdapterFactory(TimeProvider time, string? stateDirectory = null) : ICloudAdapterFactory
{
    private readonly Dictionary<string, SandboxCloud> _clouds = new(StringComparer.Ordinal);

    public string Kind => SandboxAdapter.KindName;

    /// <summary>The simulated cloud behind a registered cloud id, for tests and demos to reach behind the controller's back.</summary>
    public SandboxCloud? CloudFor(string cloudId)
    {
        lock (_clouds)
        {
            return _clouds.GetValueOrDefault(cloudId);
        }
    }

    public IReadOnlyList<RegistrationProblem> Validate(CloudConnection connection) => Read(connection).Problems;

    public ICloudAdapter Create(CloudConnection connection)
    {
        lock (_clouds)
        {
            if (!_clouds.TryGetValue(connection.CloudId, out var cloud))
            {
                var (problems, options, stateFile) = Read(connection);
                if (problems.Count > 0)
                {
                    return RegistrationProblem.Unusable(Kind, problems);
                }

                _clouds[connection.CloudId] = cloud = new SandboxCloud(options, time);
                if (stateFile is not null)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(stateFile)!);
                    cloud.KeepStateIn(stateFile);
                }
            }

            return new SandboxAdapter(cloud, time);
        }
    }

    /// <summary>A fresh simulated cloud of these settings, kept nowhere and writing no file.</summary>
    public Task<ConnectionProbe> ProbeAsync(CloudConnection connection, CancellationToken cancellationToken)
    {
        var (problems, options, _) = Read(connection);
        return ConnectionProbe.RunAsync(
            problems.Count > 0 ? RegistrationProblem.Unusable(Kind, problems) : new SandboxAdapter(new SandboxCloud(options, time), time), cancellationToken);
    }

    private (List<RegistrationProblem> Problems, SandboxOptions Options, string? StateFile) Read(CloudConnection connection)
    {
        var problems = new List<RegistrationProblem>();
        if (!string.IsNullOrEmpty(connection.Endpoint))
        {
            problems.Add(new RegistrationProblem("endpoint", "must be empty: the sandbox is simulated inside the controller"));
        }

        if (!string.IsNullOrEmpty(connection.CredentialsRef))
        {
            problems.Add(new RegistrationProblem(CredentialsResolver.Field, "must be empty: the sandbox takes no credentials"));
        }

        var settings = new SettingsReader(connection.Settings, problems);
        var preset = settings.Choice("preset", "province-x86", "province-x86", "xinchuang-arm") == "xinchuang-arm"
            ? SandboxPresets.XinchuangArm()
            : SandboxPresets.ProvinceX86();
        if (settings.Text("capacity") is { } capacity)
        {
            if (SandboxPresets.ParseCapacity(capacity) is { } small)
            {
                preset = preset with { Zones = [preset.Zones[0] with { Capacity = small }] };
            }
            else
            {
                settings.Problem("capacity", "must be resource=amount pairs separated by commas, e.g. vcpu=20,memoryGiB=80");
            }
        }

        var options = preset with
        {
            FailureRate = settings.Number("failureRate", 0, 1) ?? 0,
            Latency = TimeSpan.FromMilliseconds(settings.Whole("latencyMs", 0, 600_000) ?? 0),
            Seed = (int)(settings.Whole("seed", int.MinValue, int.MaxValue) ?? 1),
            ApplyDelay = TimeSpan.FromMilliseconds(settings.Whole("applyDelayMs", 0, 3_600_000) ?? 0),
        };
        var stateFile = StateFile(settings);
        settings.Finish();
        return (problems, options, stateFile);
    }

    private string? StateFile(SettingsReader settings)
    {
        if (settings.Text("stateFile", maxLength: 100) is not { } name)
        {
            return null;
        }

        if (stateDirectory is null || name.Contains('/') || name.Contains('\\') || name.StartsWith('.'))
        {
            settings.Problem("stateFile", stateDirectory is null
                ? "state files are not available in this controller"
                : "must be a file name (no folders, not starting with '.'); the file is kept in the controller's sandbox folder");
            return null;
        }

        return Path.Combine(stateDirectory, name);
    }
}
