-- wrk script: GET with a bearer key.
wrk.method = "GET"
wrk.headers["Authorization"] = "Bearer bench-key"
