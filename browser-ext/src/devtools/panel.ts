// The DevTools panel (written next).
