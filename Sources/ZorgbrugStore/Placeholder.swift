// ZorgbrugStore
