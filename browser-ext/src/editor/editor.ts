// The editor page (written next).
