// ZorgbrugCore
