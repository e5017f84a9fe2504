using Amazon.EC2;
using Amazon.EC2.Model;

namespace CloudMgmt.Adapters.Ec2.Api;

/// <summary>
/// The EC2 calls the adapter makes, each returning a value or an <see cref="AdapterError"/>, with
/// NextToken paging done here. One attempt per call: the controller's resilience pipeline retries.
/// </summary>
internal sealed class Ec2Api(IAmazonEC2 client, Ec2Credentials credentials, int pageSize) : IDisposable
{
    public void Dispose() => client.Dispose();

    public Task<AdapterResult<List<CapacityReservation>>> DescribeReservationsAsync(IReadOnlyList<Filter> filters, CancellationToken ct) =>
        PagedAsync("DescribeCapacityReservations", async token =>
        {
            var page = await client.DescribeCapacityReservationsAsync(
                new DescribeCapacityReservationsRequest { Filters = [.. filters], MaxResults = pageSize, NextToken = token }, ct);
            return (page.CapacityReservations ?? [], page.NextToken);
        }, ct);

    public Task<AdapterResult<CapacityReservation>> CreateReservationAsync(CreateCapacityReservationRequest request, CancellationToken ct) =>
        TryAsync("CreateCapacityReservation", async () => (await client.CreateCapacityReservationAsync(request, ct)).CapacityReservation, ct);

    public Task<AdapterResult<bool>> ModifyReservationAsync(string id, int instanceCount, CancellationToken ct) =>
        TryAsync("ModifyCapacityReservation", async () => (await client.ModifyCapacityReservationAsync(
            new ModifyCapacityReservationRequest { CapacityReservationId = id, InstanceCount = instanceCount }, ct)).Return ?? false, ct);

    public Task<AdapterResult<bool>> CancelReservationAsync(string id, CancellationToken ct) =>
        TryAsync("CancelCapacityReservation", async () => (await client.CancelCapacityReservationAsync(
            new CancelCapacityReservationRequest { CapacityReservationId = id }, ct)).Return ?? false, ct);

    public Task<AdapterResult<bool>> TagAsync(IReadOnlyList<string> resourceIds, IReadOnlyDictionary<string, string> tags, CancellationToken ct) =>
        TryAsync("CreateTags", async () =>
        {
            await client.CreateTagsAsync(new CreateTagsRequest
            {
                Resources = [.. resourceIds],
                Tags = [.. tags.Select(t => new Tag(t.Key, t.Value))],
            }, ct);
            return true;
        }, ct);

    public Task<AdapterResult<List<InstanceTypeOffering>>> DescribeOfferingsAsync(CancellationToken ct) =>
        PagedAsync("DescribeInstanceTypeOfferings", async token =>
        {
            var page = await client.DescribeInstanceTypeOfferingsAsync(new DescribeInstanceTypeOfferingsRequest
            {
                LocationType = LocationType.AvailabilityZone, MaxResults = pageSize, NextToken = token,
            }, ct);
            return (page.InstanceTypeOfferings ?? [], page.NextToken);
        }, ct);

    /// <summary>The named instance types; EC2 takes at most 100 names per request, and answers them in one page.</summary>
    public async Task<AdapterResult<List<InstanceTypeInfo>>> DescribeInstanceTypesAsync(IReadOnlyCollection<string> names, CancellationToken ct)
    {
        var all = new List<InstanceTypeInfo>();
        foreach (var chunk in names.Chunk(100))
        {
            var result = await PagedAsync("DescribeInstanceTypes", async token =>
            {
                var page = await client.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest
                {
                    InstanceTypes = [.. chunk], NextToken = token,
                }, ct);
                return (page.InstanceTypes ?? [], page.NextToken);
            }, ct);
            if (!result.Succeeded)
            {
                return result.Error!;
            }

            all.AddRange(result.Value!);
        }

        return all;
    }

    /// <summary>The values of one account attribute (e.g. <c>max-instances</c>); empty when the cloud does not report it.</summary>
    public Task<AdapterResult<List<string>>> DescribeAccountAttributeAsync(string name, CancellationToken ct) =>
        TryAsync("DescribeAccountAttributes", async () =>
        {
            var response = await client.DescribeAccountAttributesAsync(new DescribeAccountAttributesRequest { AttributeNames = [name] }, ct);
            return (response.AccountAttributes ?? [])
                .Where(a => a.AttributeName == name)
                .SelectMany(a => a.AttributeValues ?? [])
                .Select(v => v.AttributeValue)
                .ToList();
        }, ct);

    private async Task<AdapterResult<List<T>>> PagedAsync<T>(string action, Func<string?, Task<(List<T> Items, string? Next)>> page, CancellationToken ct)
    {
        var all = new List<T>();
        string? token = null;
        do
        {
            var result = await TryAsync(action, () => page(token), ct);
            if (!result.Succeeded)
            {
                return result.Error!;
            }

            all.AddRange(result.Value.Items);
            token = result.Value.Next;
        }
        while (!string.IsNullOrEmpty(token));

        return all;
    }

    private async Task<AdapterResult<T>> TryAsync<T>(string action, Func<Task<T>> call, CancellationToken ct)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (!ct.IsCancellationRequested && Ec2Errors.Map(action, e, credentials.Scrub) is { } error)
        {
            return error;
        }
    }
}
