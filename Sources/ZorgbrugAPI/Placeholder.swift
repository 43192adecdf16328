// ZorgbrugAPI
