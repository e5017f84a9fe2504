using System.Text.Json;
using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Adapters.Sandbox;

/// <summary>
/// Optionally, the sandbox keeps its objects in a file, so that it outlives the controller process
/// as a real cloud would: a test can kill the controller mid-operation and see what the cloud kept.
/// </summary>
public sealed partial class SandboxCloud
{
    private string? _stateFile;

    private sealed record StoredObject(
        string ExternalId, string AllocationId, string TenantId, string Zone, Dictionary<string, long> Granted, UsageProfile Profile,
        DateTimeOffset CreatedAt, Dictionary<string, string> Marks);

    /// <summary>Keeps the objects in <paramref name="path"/> from now on, loading what is there first.</summary>
    public void KeepStateIn(string path)
    {
        lock (_gate)
        {
            _stateFile = path;
            if (!File.Exists(path))
            {
                return;
            }

            foreach (var o in JsonSerializer.Deserialize<List<StoredObject>>(File.ReadAllText(path)) ?? [])
            {
                Put(new SandboxObject(o.ExternalId, o.AllocationId, o.TenantId, o.Zone, ResourceVector.From(o.Granted),
                    o.Profile, o.CreatedAt, o.Marks));
                _nextId = Math.Max(_nextId, int.TryParse(o.ExternalId.Split('-')[^1], out var n) ? n : 0);
            }
        }
    }

    /// <summary>Writes the objects through (called under the lock after every change).</summary>
    private void Persist()
    {
        if (_stateFile is null)
        {
            return;
        }

        var stored = _objects.Values.Select(o => new StoredObject(o.ExternalId, o.AllocationId, o.TenantId, o.Zone, o.Granted.ToDictionary(),
            o.Profile, o.CreatedAt, new Dictionary<string, string>(o.Marks))).ToList();
        var temp = _stateFile + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(stored));
        File.Move(temp, _stateFile, overwrite: true);
    }
}
