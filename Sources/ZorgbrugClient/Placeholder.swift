// ZorgbrugClient
