"""Digibank Werkbank. Start it with `streamlit run streamlit_app.py`.

This one file plays two parts. `streamlit run` finds the `app` below in the source (without running
it) and imports this file as a module to serve it: the server, with security headers on every
response (workbench/ui/server.py). That server runs this same file as the script of every session,
with __name__ "__main__" (as AppTest.from_file("streamlit_app.py") does): then it routes the pages.
"""

if __name__ == "__main__":
    from workbench.ui.router import main

    main()
else:
    from streamlit.starlette import App

    from workbench.ui.server import exception_handlers, middleware, routes

    app = App(__file__, routes=routes(), middleware=middleware(), exception_handlers=exception_handlers())
