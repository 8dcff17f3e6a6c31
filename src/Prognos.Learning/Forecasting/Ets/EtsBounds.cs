namespace Prognos.Learning.Forecasting.Ets;

/// <summary>
/// R's <c>bounds = "both"</c>: the usual region (0.0001 ≤ α ≤ 0.9999, β ≤ α, γ ≤ 1 − α, 0.8 ≤ φ ≤ 0.98)
/// intersected with the admissible (forecastable) region of Hyndman et al. (2008, ch. 10).
/// </summary>
internal static class EtsBounds
{
    public const double Lower = 1e-4;
    public const double Upper = 0.9999;
    public const double PhiLower = 0.8;
    public const double PhiUpper = 0.98;

    public static bool Accepts(EtsModelType type, in EtsParameters p, int m) =>
        IsUsual(type, p) && IsAdmissible(type, p, m);

    private static bool IsUsual(EtsModelType type, in EtsParameters p)
    {
        if (p.Alpha < Lower || p.Alpha > Upper)
        {
            return false;
        }

        if (type.HasTrend && (p.Beta < Lower || p.Beta > p.Alpha || p.Beta > Upper))
        {
            return false;
        }

        if (type.IsDamped && (p.Phi < PhiLower || p.Phi > PhiUpper))
        {
            return false;
        }

        return !type.IsSeasonal || !(p.Gamma < Lower || p.Gamma > 1 - p.Alpha || p.Gamma > Upper);
    }

    private static bool IsAdmissible(EtsModelType type, in EtsParameters p, int m)
    {
        var phi = type.IsDamped ? p.Phi : 1.0;
        var alpha = p.Alpha;
        var beta = type.HasTrend ? p.Beta : 0.0;
        if (phi < 0 || phi > 1 + 1e-8)
        {
            return false;
        }

        if (!type.IsSeasonal || m < 2)
        {
            if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi)
            {
                return false;
            }

            return !type.HasTrend || !(beta < alpha * (phi - 1) || beta > (1 + phi) * (2 - alpha));
        }

        var gamma = p.Gamma;
        if (gamma < Math.Max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha)
        {
            return false;
        }

        if (alpha < 1 - 1 / phi - gamma * (1 - m + phi + phi * m) / (2 * phi * m))
        {
            return false;
        }

        if (beta < -(1 - phi) * (gamma / m + alpha))
        {
            return false;
        }

        // Characteristic polynomial P(z) = φ(1−α−γ) + (α+β−αφ+γ−1)z + Σ(α+β−αφ)z^k + (α+β−φ)z^m + z^(m+1);
        // every root must lie within the unit circle (R allows 1e-10 slack; unit roots occur when φ = 1).
        Span<double> coefficients = stackalloc double[m + 2];
        coefficients[0] = phi * (1 - alpha - gamma);
        coefficients[1] = alpha + beta - alpha * phi + gamma - 1;
        for (var k = 2; k < m; k++)
        {
            coefficients[k] = alpha + beta - alpha * phi;
        }

        coefficients[m] = alpha + beta - phi;
        coefficients[m + 1] = 1;
        return RootsWithin(coefficients, 1 + 1e-7);
    }

    /// <summary>Schur–Cohn test on P(r·z): true when every root of P has modulus below <paramref name="radius"/>.</summary>
    internal static bool RootsWithin(Span<double> coefficients, double radius)
    {
        var scale = 1.0;
        for (var k = 0; k < coefficients.Length; k++)
        {
            coefficients[k] *= scale;
            scale *= radius;
        }

        Span<double> next = stackalloc double[coefficients.Length];
        for (var degree = coefficients.Length - 1; degree > 0; degree--)
        {
            var lead = coefficients[degree];
            var constant = coefficients[0];
            if (!(Math.Abs(constant) < Math.Abs(lead)))
            {
                return false;
            }

            // Step down: c_i = a_n·a_{i+1} − a_0·a_{n−1−i} has one degree less and the same verdict.
            for (var i = 0; i < degree; i++)
            {
                next[i] = lead * coefficients[i + 1] - constant * coefficients[degree - 1 - i];
            }

            var newLead = next[degree - 1];
            for (var i = 0; i < degree; i++)
            {
                coefficients[i] = next[i] / newLead;
            }
        }

        return true;
    }
}
