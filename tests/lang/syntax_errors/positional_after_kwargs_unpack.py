print(**{}, 1)
