print("zorgbrug")
