using CloudMgmt.Domain.Resources;

namespace CloudMgmt.Grains.Surrogates;

// The domain core stays free of Orleans; its types cross grain boundaries through surrogates.
[GenerateSerializer]
public struct ResourceVectorSurrogate
{
    [Id(0)] public Dictionary<string, long> Values;
}

[RegisterConverter]
public sealed class ResourceVectorConverter : IConverter<ResourceVector, ResourceVectorSurrogate>
{
    public ResourceVector ConvertFromSurrogate(in ResourceVectorSurrogate surrogate) =>
        surrogate.Values is null ? ResourceVector.Zero : ResourceVector.From(surrogate.Values);

    public ResourceVectorSurrogate ConvertToSurrogate(in ResourceVector value) => new() { Values = value.ToDictionary() };
}
