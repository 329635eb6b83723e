# oracle: python3.12
# statistics: exact means and variances (int, float, mixed data), medians, modes,
# quantiles and the error messages.
import statistics as st

datasets = [[1, 2, 3, 4], [1, 2, 3], [2.5, 3.25, 5.5, 11.25], [0.1] * 7 + [0.3],
            [1, 2.5, 3], [10**20, 1, 3], [1e150, 2e150, -1e150], [True, False, True],
            [-1.5, 2, -7.25, 1e-9, 33], list(range(100)), [0.1, 0.2, 0.3, 0.4, 0.5]]
for d in datasets:
    print(st.mean(d), st.fmean(d), st.median(d), st.median_low(d), st.median_high(d),
          st.pvariance(d), st.pstdev(d), st.variance(d), st.stdev(d))
print(st.mean([float('inf'), 1.0]), st.mean([1.0, float('nan')]))
print(st.variance([1, 2, 3, 4], 2.5), st.pvariance([1.5, 2.5], 2), st.stdev([1.0, 2.0, 4.0], 2))
print(st.mode([1, 1, 2, 2, 3]), st.mode('abracadabra'), st.multimode('aabbbccccdddd'),
      st.multimode([]), st.mode(['red', 'blue', 'blue', 'red']))
print(st.quantiles(range(1, 11)), st.quantiles([1.5, 2, 9, 10], n=10),
      st.quantiles(range(1, 11), method='inclusive'), st.quantiles([1, 2], n=3))
print(st.fmean([1, 2, 3], weights=[0.25, 0.25, 0.5]), st.fmean(iter([1.0, 2.0])),
      st.geometric_mean([54, 24, 36]))
print(type(st.mean([1, 2, 3])).__name__, type(st.variance([1, 2, 3, 4])).__name__,
      type(st.variance([1, 3, 5])).__name__, st.variance([1, 3, 5]))
for bad in [lambda: st.mean([]), lambda: st.variance([1]), lambda: st.stdev([]),
            lambda: st.pvariance([]), lambda: st.median([]), lambda: st.mode([]),
            lambda: st.quantiles([1]), lambda: st.quantiles([1, 2], n=0),
            lambda: st.mean(['a']), lambda: st.fmean([]), lambda: st.pstdev([])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(issubclass(st.StatisticsError, ValueError))
