/* Start: the script sits at the end of the body, so the page is parsed by now. */
Page.start();
