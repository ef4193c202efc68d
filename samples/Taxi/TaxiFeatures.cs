using Millrace.Training;

namespace Millrace.Samples.Taxi;

/// <summary>
/// The taxi features: log-scaled and standardised trip measures, coordinates, vocabularies of the categorical
/// columns, hashed census tracts, bucketized fare and a payment × company cross. The label is <c>big_tipper</c>;
/// <c>tips</c> is not a feature, since the label derives from it.
/// </summary>
public sealed class TaxiFeatures : IFeatureSpec
{
    public static FeatureSet Features { get; } = new(LabelSpec.Binary("big_tipper"),
    [
        Feature.Numeric("fare").ImputeMedian().Log1P().ZScore(),
        Feature.Numeric("trip_miles").ImputeMedian().Log1P().ZScore(),
        Feature.Numeric("trip_seconds").ImputeMedian().Log1P().ZScore(),
        Feature.Numeric("pickup_latitude").ImputeMean().ZScore(),
        Feature.Numeric("pickup_longitude").ImputeMean().ZScore(),
        Feature.Numeric("dropoff_latitude").ImputeMean().ZScore(),
        Feature.Numeric("dropoff_longitude").Impute(-87.65).Clip(-88, -87).MinMax(),
        Feature.Vocabulary("payment_type", topK: 10).OneHot(),
        Feature.Vocabulary("company", topK: 40, oovBuckets: 2).OneHot(),
        Feature.Vocabulary("pickup_community_area", topK: 80).OneHot(),
        Feature.Vocabulary("dropoff_community_area", topK: 80).OneHot(),
        Feature.Vocabulary("trip_start_hour", topK: 24).OneHot(),
        Feature.Vocabulary("trip_start_day", topK: 7).OneHot(),
        Feature.Vocabulary("trip_start_month", topK: 12).OneHot(),
        Feature.Hash("pickup_census_tract", buckets: 64).OneHot(),
        Feature.Hash("dropoff_census_tract", buckets: 64).OneHot(),
        Feature.Bucketize("fare", buckets: 10).Embedding(4),
        Feature.Cross(256, "payment_type", "company").Embedding(4),
    ]);
}
