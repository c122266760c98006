"""Constitution pages: members read, propose and second (members.py); organisers create documents,
put amendments to the vote and apply the results (organisers.py)."""
